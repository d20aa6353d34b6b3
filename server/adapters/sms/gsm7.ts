/**
 * GSM 03.38 7-bit alphabet: what one SMS segment of 160 characters may hold. Characters of the
 * extension table count twice; anything else forces UCS-2 (70 characters a segment).
 */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const EXTENSION = '^{}\\[~]|€\f';

/** Length in GSM-7 septets, or undefined when the text needs UCS-2. */
export function gsm7Length(text: string): number | undefined {
  let length = 0;
  for (const char of text) {
    if (BASIC.includes(char)) length += 1;
    else if (EXTENSION.includes(char)) length += 2;
    else return undefined;
  }
  return length;
}

export const SMS_SEGMENT = 160;

/** Fits in one GSM-7 SMS. */
export function fitsOneSms(text: string): boolean {
  const length = gsm7Length(text);
  return length !== undefined && length <= SMS_SEGMENT;
}

const SPECIAL: Record<string, string> = { '’': "'", '‘': "'", '“': '"', '”': '"', '«': '"', '»': '"', '–': '-', '—': '-', '…': '...', 'œ': 'oe', 'Œ': 'OE', '\u00a0': ' ', '\u202f': ' ' };

/**
 * The text in the GSM-7 alphabet, for messages that must stay one segment whatever their words:
 * letters outside it lose their accent (`ô` → `o`; `é`, `è`, `à` are in it and stay), typographic
 * quotes and dashes become plain ones, anything else becomes `?`.
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const char of text) {
    if (BASIC.includes(char) || EXTENSION.includes(char)) out += char;
    else if (SPECIAL[char] !== undefined) out += SPECIAL[char];
    else {
      const bare = char.normalize('NFD').replace(/\p{M}/gu, '');
      out += bare !== '' && [...bare].every((c) => BASIC.includes(c)) ? bare : '?';
    }
  }
  return out;
}
