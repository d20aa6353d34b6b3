/**
 * /verify — the public check of an attestation for employers, landlords and benefit offices:
 * scan its QR code with the phone's camera, upload the PDF (or a photo of the code), paste the
 * code's text, or enter a share code with the holder's birth date. One answer area shows the
 * verdict and only the data the document vouches for.
 */
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useCallback, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerifyBody, VerifyResult } from '../../../contract/verify';
import { isShareCodeFormat, normaliseShareCode } from '../../../contract/attestations';
import { api, isApiProblem } from '../../api/client';
import { useDocumentTitle } from '../../ui/use-document-title';
import { CameraScanner } from './camera-scanner';
import { bodyFromFile } from './read-code';
import { VerifyResultView } from './verify-result';
import './verify.css';

type TabId = 'camera' | 'file' | 'paste' | 'share';

export function VerifyPage() {
  const { t } = useTranslation('verify');
  useDocumentTitle(t('page.title'));
  const [tab, setTab] = useState<TabId>('file');
  const [result, setResult] = useState<VerifyResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const answer = useRef<HTMLDivElement>(null);

  const verify = useCallback(
    async (body: VerifyBody) => {
      setBusy(true);
      setError(undefined);
      setResult(undefined);
      try {
        setResult(await api.post<VerifyResult>('/verify', body));
      } catch (problem) {
        if (!isApiProblem(problem)) throw problem;
        setError(problem.message);
      } finally {
        setBusy(false);
        // Move the reader to the answer (screen readers announce it; phones scroll to it).
        requestAnimationFrame(() => answer.current?.focus());
      }
    },
    [],
  );
  const onCode = useCallback((payload: string) => void verify({ payload }), [verify]);

  return (
    <div className="fr-container fr-py-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <h1>{t('page.title')}</h1>
          <p className="fr-text--lead">{t('page.lead')}</p>
          <Tabs
            label={t('page.tabsLabel')}
            selectedTabId={tab}
            onTabChange={(id) => setTab(id as TabId)}
            tabs={[
              { tabId: 'file', label: t('page.tabs.file'), iconId: 'fr-icon-file-pdf-line' },
              { tabId: 'camera', label: t('page.tabs.camera'), iconId: 'fr-icon-qr-scan-line' },
              { tabId: 'paste', label: t('page.tabs.paste'), iconId: 'fr-icon-clipboard-line' },
              { tabId: 'share', label: t('page.tabs.share'), iconId: 'fr-icon-lock-line' },
            ]}
          >
            {tab === 'file' && (
              <FileForm
                busy={busy}
                onBody={verify}
                onRefused={(message) => {
                  setResult(undefined);
                  setError(message);
                }}
              />
            )}
            {tab === 'camera' && <CameraScanner onCode={onCode} />}
            {tab === 'paste' && <PasteForm busy={busy} onBody={verify} />}
            {tab === 'share' && <ShareForm busy={busy} onBody={verify} />}
          </Tabs>
          <div ref={answer} tabIndex={-1} aria-live="polite" className="fr-mt-4w">
            {busy && <p>{t('page.checking')}</p>}
            {error !== undefined && <Alert severity="error" small description={error} />}
            {result !== undefined && <VerifyResultView result={result} />}
          </div>
          <p className="fr-mt-4w fr-text--sm">{t('page.offline')}</p>
        </div>
      </div>
    </div>
  );
}

interface FormProps {
  busy: boolean;
  onBody: (body: VerifyBody) => Promise<void>;
}

function FileForm({ busy, onBody, onRefused }: FormProps & { onRefused: (message: string) => void }) {
  const { t } = useTranslation('verify');
  const [file, setFile] = useState<File>();
  const [fieldError, setFieldError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (file === undefined) {
      setFieldError(t('page.file.required'));
      return;
    }
    setFieldError(undefined);
    const read = await bodyFromFile(file);
    if (!read.ok) {
      onRefused(t(`page.file.${read.reason}`));
      return;
    }
    await onBody(read.body);
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <div className={`fr-upload-group${fieldError ? ' fr-input-group--error' : ''}`}>
        <label className="fr-label" htmlFor="verify-file">
          {t('page.file.label')}
          <span className="fr-hint-text">{t('page.file.hint')}</span>
        </label>
        <input
          className="fr-upload"
          type="file"
          id="verify-file"
          name="file"
          accept="application/pdf,image/png,image/jpeg,image/webp"
          aria-describedby={fieldError ? 'verify-file-error' : undefined}
          onChange={(event) => setFile(event.target.files?.[0])}
        />
        {fieldError && (
          <p id="verify-file-error" className="fr-error-text">
            {fieldError}
          </p>
        )}
      </div>
      <Button type="submit" className="fr-mt-2w" disabled={busy}>
        {t('page.submit')}
      </Button>
    </form>
  );
}

function PasteForm({ busy, onBody }: FormProps) {
  const { t } = useTranslation('verify');
  const [payload, setPayload] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (payload.trim() === '') {
      setFieldError(t('page.paste.required'));
      return;
    }
    setFieldError(undefined);
    await onBody({ payload: payload.trim() });
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Input
        label={t('page.paste.label')}
        hintText={t('page.paste.hint')}
        textArea
        state={fieldError ? 'error' : 'default'}
        stateRelatedMessage={fieldError}
        nativeTextAreaProps={{ id: 'verify-payload', name: 'payload', rows: 4, spellCheck: false, autoCapitalize: 'off', value: payload, onChange: (event) => setPayload(event.target.value) }}
      />
      <Button type="submit" disabled={busy}>
        {t('page.submit')}
      </Button>
    </form>
  );
}


function ShareForm({ busy, onBody }: FormProps) {
  const { t } = useTranslation('verify');
  const [code, setCode] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [errors, setErrors] = useState<{ code?: string; birthDate?: string }>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = {
      code: code.trim() === '' ? t('page.share.codeRequired') : !isShareCodeFormat(normaliseShareCode(code)) ? t('page.share.codeFormat') : undefined,
      birthDate: birthDate === '' ? t('page.share.birthDateRequired') : undefined,
    };
    setErrors(next);
    if (next.code !== undefined || next.birthDate !== undefined) return;
    await onBody({ shareCode: code.trim(), birthDate });
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <p>{t('page.share.lead')}</p>
      <Input
        label={t('page.share.codeLabel')}
        hintText={t('page.share.codeHint')}
        state={errors.code ? 'error' : 'default'}
        stateRelatedMessage={errors.code}
        nativeInputProps={{ id: 'verify-share-code', name: 'shareCode', autoComplete: 'off', autoCapitalize: 'characters', spellCheck: false, value: code, onChange: (event) => setCode(event.target.value) }}
      />
      <Input
        label={t('page.share.birthDateLabel')}
        state={errors.birthDate ? 'error' : 'default'}
        stateRelatedMessage={errors.birthDate}
        nativeInputProps={{ id: 'verify-birth-date', name: 'birthDate', type: 'date', value: birthDate, onChange: (event) => setBirthDate(event.target.value) }}
      />
      <Button type="submit" disabled={busy}>
        {t('page.submit')}
      </Button>
    </form>
  );
}
