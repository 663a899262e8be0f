import { type FormEvent, useState } from 'react';
import { api, problemText } from '../api/client';
import { ImportResult, type Outcome } from '../components/import-result';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { type ImportKind, importKindsFor } from './pages';

/** The encodings the upload route reads a CSV file in (`credence import --encoding`); empty: detected. */
const ENCODINGS = ['', 'utf-8', 'windows-1252', 'iso-8859-15', 'gb18030', 'big5', 'shift_jis', 'utf-16le', 'utf-16be'];

/**
 * Upload a CSV or XLSX file of one kind (POST /imports/{kind}), read by the same code as `credence import`: all or
 * nothing, with the row errors of the CLI shown as a table. The kinds offered are those the role may upload.
 */
export function ImportPage() {
  const { t } = useI18n();
  const { me } = useSession();
  const kinds = me ? importKindsFor(me.role) : [];
  const [kind, setKind] = useState<ImportKind | undefined>(kinds[0]);
  const [file, setFile] = useState<File | undefined>();
  const [encoding, setEncoding] = useState('');
  const [sheet, setSheet] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  if (kind === undefined) return <p>{t('nav.nothing')}</p>;
  const xlsx = file?.name.toLowerCase().endsWith('.xlsx') === true;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (file === undefined) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const query = {
        name: file.name.slice(0, 200),
        ...(encoding !== '' && !xlsx ? { encoding } : {}),
        ...(sheet.trim() !== '' && xlsx ? { sheet: sheet.trim() } : {}),
      };
      // The file's bytes as they are: the server tells XLSX from CSV by its first bytes, and reads the encoding.
      const r = await api.POST(`/imports/${kind}` as '/imports/invoices', {
        params: { query },
        body: file as unknown as string,
        bodySerializer: (b: unknown) => b as BodyInit,
        headers: { 'Content-Type': 'application/octet-stream' },
      });
      if (r.data !== undefined) setOutcome({ file: file.name, kind, summary: r.data });
      else if (r.response.status === 422 && r.error && 'rowErrors' in r.error)
        setOutcome({ file: file.name, kind, rejected: r.error });
      else setOutcome({ file: file.name, kind, problem: problemText(r.error) });
    } catch (err) {
      setOutcome({ file: file.name, kind, problem: problemText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <header className="page-head">
        <h1>{t('import.title')}</h1>
      </header>
      <form className="panel import-form" onSubmit={submit}>
        <p className="muted intro">
          <Ticked text={t('import.intro')} />
        </p>
        <div className="fields">
          <label>
            {t('import.kind')}
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as ImportKind)}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`import.kind.${k}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('import.file')}
            <input
              name="file"
              type="file"
              accept=".csv,.txt,.tsv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              required
              onChange={(e) => {
                setFile(e.target.files?.[0]);
                setOutcome(undefined);
              }}
            />
          </label>
          <label>
            {t('import.encoding')}
            <select name="encoding" value={encoding} disabled={xlsx} onChange={(e) => setEncoding(e.target.value)}>
              {ENCODINGS.map((x) => (
                <option key={x} value={x}>
                  {x === '' ? t('import.encodingDetect') : x}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('import.sheet')}
            <input
              name="sheet"
              type="text"
              value={sheet}
              disabled={!xlsx}
              placeholder={t('import.sheetFirst')}
              onChange={(e) => setSheet(e.target.value)}
            />
          </label>
        </div>
        <p className="muted small">
          <Ticked text={t('import.mapping')} />
        </p>
        <button type="submit" disabled={busy || file === undefined}>
          {busy ? t('import.uploading') : t('import.upload')}
        </button>
      </form>
      {outcome !== undefined && <ImportResult outcome={outcome} />}
    </>
  );
}

/** A catalogue line with `commands` in back-ticks, shown as code. */
function Ticked({ text }: { text: string }) {
  return (
    <>{text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : <span key={i}>{part}</span>))}</>
  );
}
