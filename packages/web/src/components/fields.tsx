// The fields the buyer page's action dialogs share: an amount in a currency, a choice from a list, notes.
import { useI18n } from '../i18n/i18n';

type Change = (value: string) => void;

/** A decimal amount (e.g. 1200.50) in the currency the label names. */
export function AmountField({ currency, value, onChange }: { currency: string; value: string; onChange: Change }) {
  const { t } = useI18n();
  return (
    <label>
      {t('form.amountIn', { currency })}
      <input
        required
        inputMode="decimal"
        pattern="\d+(\.\d+)?"
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

/** One of a list, each with its words. */
export function ChoiceField<V extends string>(p: {
  label: string;
  value: V;
  options: readonly { readonly value: V; readonly text: string }[];
  onChange: (value: V) => void;
  required?: boolean;
}) {
  return (
    <label>
      {p.label}
      <select required={p.required} value={p.value} onChange={(e) => p.onChange(e.target.value as V)}>
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Free notes that go with the record (optional). */
export function NotesField({ value, onChange }: { value: string; onChange: Change }) {
  const { t } = useI18n();
  return (
    <label>
      {t('form.notes')}
      <textarea maxLength={4000} rows={2} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
