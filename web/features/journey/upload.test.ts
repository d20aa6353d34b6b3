import { describe, expect, it } from 'vitest';
import { checkFile } from './upload';

const ALL = ['application/pdf', 'image/jpeg', 'image/png'];
const MIB = 1024 * 1024;

describe(checkFile.name, () => {
  it('lets through an accepted type within the limit (the server then reads the content)', () => {
    expect(checkFile({ name: 'passeport.pdf', type: 'application/pdf', size: 2 * MIB }, ALL, 10 * MIB)).toBeUndefined();
    expect(checkFile({ name: 'photo.JPG', type: '', size: 1000 }, ALL, 10 * MIB)).toBeUndefined();
  });

  it('refuses a type the item does not take, with the accepted list the server would give', () => {
    expect(checkFile({ name: 'notes.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 1000 }, ALL, 10 * MIB)).toEqual({
      code: 'document_type_not_accepted',
      params: { accepted: 'PDF, JPEG, PNG' },
    });
    expect(checkFile({ name: 'photo.png', type: 'image/png', size: 1000 }, ['application/pdf'], 10 * MIB)?.params).toEqual({ accepted: 'PDF' });
  });

  it('refuses an empty file and a file over the limit', () => {
    expect(checkFile({ name: 'vide.pdf', type: 'application/pdf', size: 0 }, ALL, 10 * MIB)?.code).toBe('document_empty');
    expect(checkFile({ name: 'scan.pdf', type: 'application/pdf', size: 10 * MIB + 1 }, ALL, 10 * MIB)).toEqual({ code: 'document_too_large', params: { limitMiB: 10 } });
    expect(checkFile({ name: 'scan.pdf', type: 'application/pdf', size: 10 * MIB }, ALL, 10 * MIB)).toBeUndefined();
  });
});
