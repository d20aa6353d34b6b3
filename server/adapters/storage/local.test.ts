import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeFileStorage } from './describe-file-storage';
import { createLocalFileStorage } from './local';

/** Every file under `dir` that is not a complete stored file (the temporary folder's content). */
function temporaryFiles(root: string): string[] {
  const temp = path.join(root, '.tmp');
  return fs.existsSync(temp) ? fs.readdirSync(temp) : [];
}

describeFileStorage('local folder', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'sejour-files-'));
  return {
    storage: createLocalFileStorage(root),
    leftovers: async () => temporaryFiles(root),
    cleanup: async () => fs.rmSync(root, { recursive: true, force: true }),
  };
});
