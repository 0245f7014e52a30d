import { afterAll } from 'vitest';
import { runAfterFile } from '../helpers/pg-db';

// Every core a test file built on the server is closed, and its database dropped, when the file ends.
afterAll(runAfterFile);
