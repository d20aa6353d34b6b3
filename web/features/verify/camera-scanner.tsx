/**
 * Reads a QR code with the phone's camera: the browser's own BarcodeDetector where it exists
 * (Chrome on Android), else frames decoded with jsqr. The camera is released as soon as a code is
 * read, when the verifier stops, or when the page is left.
 */
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeQr } from './read-code';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

type CameraState = 'idle' | 'starting' | 'scanning' | 'denied' | 'unavailable';

export function CameraScanner({ onCode }: { onCode: (payload: string) => void }) {
  const { t } = useTranslation('verify');
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const [state, setState] = useState<CameraState>('idle');

  const stop = () => {
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
  };
  useEffect(() => stop, []);

  useEffect(() => {
    if (state !== 'scanning' || video.current === null) return;
    const element = video.current;
    let cancelled = false;
    const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
    const detector = Detector === undefined ? undefined : new Detector({ formats: ['qr_code'] });
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    const tick = async () => {
      if (cancelled) return;
      let found: string | undefined;
      if (element.readyState >= 2 && element.videoWidth > 0) {
        if (detector !== undefined) {
          found = (await detector.detect(element).catch(() => []))[0]?.rawValue;
        } else if (context !== null) {
          canvas.width = element.videoWidth;
          canvas.height = element.videoHeight;
          context.drawImage(element, 0, 0);
          found = await decodeQr(context.getImageData(0, 0, canvas.width, canvas.height));
        }
      }
      if (cancelled) return;
      if (found !== undefined) {
        stop();
        setState('idle');
        onCode(found);
        return;
      }
      setTimeout(() => void tick(), 250);
    };
    void tick();
    return () => {
      cancelled = true;
    };
  }, [state, onCode]);

  const start = async () => {
    if (navigator.mediaDevices?.getUserMedia === undefined) {
      setState('unavailable');
      return;
    }
    setState('starting');
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      if (video.current !== null) {
        video.current.srcObject = stream.current;
        await video.current.play().catch(() => undefined);
      }
      setState('scanning');
    } catch (error) {
      stop();
      setState(error instanceof DOMException && error.name === 'NotAllowedError' ? 'denied' : 'unavailable');
    }
  };

  return (
    <div>
      <p>{t('page.camera.lead')}</p>
      {state === 'denied' && <Alert severity="warning" small description={t('page.camera.denied')} className="fr-mb-2w" />}
      {state === 'unavailable' && <Alert severity="info" small description={t('page.camera.unavailable')} className="fr-mb-2w" />}
      <video
        ref={video}
        muted
        playsInline
        aria-label={t('page.camera.preview')}
        className="sejour-verify-video"
        hidden={state !== 'scanning' && state !== 'starting'}
      />
      {state === 'scanning' || state === 'starting' ? (
        <Button
          priority="secondary"
          onClick={() => {
            stop();
            setState('idle');
          }}
        >
          {t('page.camera.stop')}
        </Button>
      ) : (
        <Button iconId="fr-icon-camera-line" onClick={() => void start()}>
          {t('page.camera.start')}
        </Button>
      )}
    </div>
  );
}
