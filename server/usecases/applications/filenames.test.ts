import { describe, expect, it } from 'vitest';
import { attachmentHeader, sanitizeFilename } from './filenames';

describe(sanitizeFilename.name, () => {
  it('keeps a plain name, with the extension of the type found in the content', () => {
    expect(sanitizeFilename('Passeport.pdf', 'application/pdf')).toBe('Passeport.pdf');
    expect(sanitizeFilename('photo.JPEG', 'image/jpeg')).toBe('photo.jpg');
    expect(sanitizeFilename('scan.pdf', 'image/png')).toBe('scan.png');
    expect(sanitizeFilename('Relevé de notes', 'application/pdf')).toBe('Relevé de notes.pdf');
  });

  it('drops folders, control characters, bidi overrides and reserved characters', () => {
    expect(sanitizeFilename('C:\\Users\\amina\\Documents\\bulletin.pdf', 'application/pdf')).toBe('bulletin.pdf');
    expect(sanitizeFilename('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(sanitizeFilename('facture\u202Efdp.exe', 'application/pdf')).toBe('facture_fdp.pdf');
    expect(sanitizeFilename('a\u0000b\nc<d>e:f"g|h?i*j.pdf', 'application/pdf')).toBe('a_b_c_d_e_f_g_h_i_j.pdf');
  });

  it('gives a name to nameless or hidden files and shortens very long ones', () => {
    expect(sanitizeFilename(undefined, 'image/png')).toBe('document.png');
    expect(sanitizeFilename('   ', 'image/png')).toBe('document.png');
    expect(sanitizeFilename('.htaccess', 'application/pdf')).toBe('htaccess.pdf');
    const long = sanitizeFilename(`${'é'.repeat(300)}.pdf`, 'application/pdf');
    expect([...long].length).toBe(104);
  });
});

describe(attachmentHeader.name, () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentHeader('Relevé "final".pdf')).toBe(`attachment; filename="Releve _final_.pdf"; filename*=UTF-8''Relev%C3%A9%20%22final%22.pdf`);
  });
});
