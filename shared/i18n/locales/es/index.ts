/** The es catalog: one JSON file per namespace (add a line per new namespace, in every language). */
import common from './common.json';
import shell from './shell.json';

export default { common, shell };
