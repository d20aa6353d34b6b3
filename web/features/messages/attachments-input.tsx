/** Up to three files (PDF, JPEG, PNG) chosen with a message, sent one by one after it (the document upload's sender). */
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useTranslation } from 'react-i18next';
import { sendFile } from '../journey/upload';

export const MAX_FILES = 3;

export function AttachmentsInput({ id, onChange }: { id: string; onChange: (files: File[]) => void }) {
  const { t } = useTranslation('messages');
  return (
    <Upload
      className="fr-mb-3w"
      label={t('attachments.label')}
      hint={t('attachments.hint', { max: MAX_FILES })}
      multiple
      nativeInputProps={{
        id,
        accept: 'application/pdf,image/jpeg,image/png',
        onChange: (event) => onChange(Array.from(event.target.files ?? []).slice(0, MAX_FILES)),
      }}
    />
  );
}

export async function sendAttachments(threadId: string, files: readonly File[]): Promise<void> {
  for (const file of files.slice(0, MAX_FILES)) await sendFile('POST', `/messages/${threadId}/attachments`, file, () => undefined);
}
