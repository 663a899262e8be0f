import { useI18n } from '../../i18n/i18n';

/** Who a letter goes to: the e-mail address, or the postal address when it goes by post only. */
export function Recipient({ to }: { to: { readonly email?: string; readonly address: readonly string[] } }) {
  const { t } = useI18n();
  return to.email !== undefined ? (
    <span className="recipient">{to.email}</span>
  ) : (
    <span className="recipient muted">
      {to.address.length > 0 ? t('dunning.byPost', { address: to.address.join(', ') }) : t('dunning.noAddress')}
    </span>
  );
}
