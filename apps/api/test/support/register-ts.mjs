// `node --import ./register-ts.mjs`: installs the TypeScript loader hooks (tests and benchmarks only).
import { register } from 'node:module';

register('./ts-loader.mjs', import.meta.url);
