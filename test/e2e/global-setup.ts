/** Serves the built browser version for the end-to-end tests. */
import type { TestProject } from 'vitest/node';
import { serveBrowserBuild } from './serve';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await serveBrowserBuild();
  project.provide('baseUrl', server.url);
  return server.close;
}
