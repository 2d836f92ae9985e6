import { removeTempDirs } from './organisation-files';

afterAll(removeTempDirs);
