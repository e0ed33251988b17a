import '../../ui/world.css';
import { useState, type FormEvent } from 'react';
import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import type { SubscriptionItem } from '../../api/subscriptions';
import { useAddAlias, useAddWebsite, useRemoveAlias, useRemoveWebsite } from '../../api/websites';
import { labelOf } from '../../domain/catalogue';
import { formatBytes, formatValue } from '../../domain/format';
import { domainSchema, validate } from '../../domain/schemas';
import { issueText } from '../../i18n/messages';
import { removalOf } from '../../domain/websites';
import { USAGE_KEYS } from '../../domain/types';
import { announce } from '../../ui/announcer';
import { BusyButton } from '../../ui/busy-button';
import { AppDialog, ConfirmDialog } from '../../ui/dialog';
import { SelectField, TextField } from '../../ui/form-field';
import { errorText } from '../../ui/query-state';
import { UsageMeter } from '../../ui/usage-meter';
import { useLang } from '../../ui/use-lang';

type AddKind = 'domain' | 'subdomain' | 'alias';
type Removal = { kind: 'website'; name: string } | { kind: 'alias'; website: string; alias: string };

/** "used of allocated" for disk space, traffic, domains, subdomains and aliases (SPEC §1.5). */
export function UsageMeters({ subscription: s }: { subscription: SubscriptionItem }) {
  const { t } = useTranslation('subscriptions');
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="usage-title">
      <h2 id="usage-title" className="flush-top">
        {t('usage.title')}
      </h2>
      <dl className="meters">
        {USAGE_KEYS.map((key) => {
          const label = labelOf('resources', key, lang);
          const allocated = s.values.resources[key];
          const used = s.usage[key];
          const text = t('usage.usedOf', { used: formatValue('resources', key, used, lang), allocated: formatValue('resources', key, allocated, lang) });
          return (
            <div key={key}>
              <dt>{label}</dt>
              <dd>
                <span>
                  {text}
                  {s.overused.includes(key as 'disk_space') ? (
                    <>
                      {' '}
                      <span className="badge badge--overused">{t('overused', { ns: 'common' })}</span>
                    </>
                  ) : null}
                </span>
                <UsageMeter label={t('usage.meterLabel', { label })} used={used} allocated={allocated} valueText={text} />
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}

/** Websites & Domains (SPEC §1.5, §5): the main domain, more domains, subdomains and aliases. */
export function WebsitesSection({ subscription: s }: { subscription: SubscriptionItem }) {
  const { t } = useTranslation('subscriptions');
  const lang = useLang();
  const [adding, setAdding] = useState<AddKind | null>(null);
  const [removing, setRemoving] = useState<Removal | null>(null);
  const removeWebsite = useRemoveWebsite();
  const removeAlias = useRemoveAlias();
  const domains = s.sites.filter((w) => w.kind === 'domain');

  async function confirmRemove() {
    if (!removing) return;
    try {
      if (removing.kind === 'website') {
        await removeWebsite.mutateAsync({ id: s.id, name: removing.name });
        announce(t('websites.removed', { name: removing.name }));
      } else {
        await removeAlias.mutateAsync({ id: s.id, website: removing.website, alias: removing.alias });
        announce(t('websites.aliasRemoved', { name: removing.alias }));
      }
      setRemoving(null);
    } catch {
      // Shown in the dialog.
    }
  }

  const removingName = removing?.kind === 'website' ? removing.name : undefined;
  const removal = removingName ? removalOf(s, removingName) : undefined;
  const going = removal ? removal.websites.filter((n) => n !== removingName) : [];

  return (
    <section className="card" aria-labelledby="websites-title">
      <h2 id="websites-title" className="flush-top">
        {t('websites.title')}
      </h2>
      <div className="toolbar">
        <button type="button" className="button" onClick={() => setAdding('domain')}>
          {t('websites.addDomain')}
        </button>
        <button type="button" className="button" onClick={() => setAdding('subdomain')}>
          {t('websites.addSubdomain')}
        </button>
        <button type="button" className="button" onClick={() => setAdding('alias')}>
          {t('websites.addAlias')}
        </button>
      </div>
      <div className="table-scroll" role="group" aria-labelledby="websites-title" tabIndex={0}>
        <table className="data-table">
          <caption className="visually-hidden">{t('websites.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('websites.columns.name')}</th>
              <th scope="col">{t('websites.columns.kind')}</th>
              <th scope="col">{t('websites.columns.aliases')}</th>
              <th scope="col" className="num">
                {t('websites.columns.disk')}
              </th>
              <th scope="col" className="num">
                {t('websites.columns.traffic')}
              </th>
              <th scope="col">{t('websites.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {s.sites.map((w, i) => (
              <tr key={w.name}>
                <th scope="row" className="break-anywhere">
                  {w.name}
                </th>
                <td>
                  {i === 0 ? t('websites.kind.main') : w.kind === 'domain' ? t('websites.kind.domain') : t('websites.kind.subdomain', { parent: w.parent })}
                </td>
                <td>
                  {w.aliases.length === 0 ? (
                    <span className="muted">{t('none')}</span>
                  ) : (
                    <ul className="list-tight">
                      {w.aliases.map((a) => (
                        <li key={a} className="break-anywhere">
                          {a}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="num">{formatBytes(w.usage.disk_space, lang)}</td>
                <td className="num">{formatBytes(w.usage.max_traffic, lang)}</td>
                <td>
                  {i === 0 && w.aliases.length === 0 ? (
                    <span className="muted">{t('websites.mainNote')}</span>
                  ) : (
                    // A menu, so that its items are not more buttons named "Remove" next to the
                    // subscription's own Remove (SPEC §5 names it).
                    <MenuTrigger>
                      <Button className="button" aria-label={t('websites.actionsFor', { name: w.name })}>
                        {t('websites.columns.actions')}
                      </Button>
                      <Popover className="menu-popover" placement="bottom end">
                        <Menu
                          className="menu"
                          onAction={(key) => {
                            const action = String(key);
                            if (action === 'remove') {
                              removeWebsite.reset();
                              setRemoving({ kind: 'website', name: w.name });
                            } else {
                              removeAlias.reset();
                              setRemoving({ kind: 'alias', website: w.name, alias: action.slice('alias:'.length) });
                            }
                          }}
                        >
                          {i === 0 ? null : (
                            <MenuItem id="remove" className="menu__item">
                              {t('websites.removeNamed', { name: w.name })}
                            </MenuItem>
                          )}
                          {w.aliases.map((a) => (
                            <MenuItem key={a} id={`alias:${a}`} className="menu__item">
                              {t('websites.removeAliasNamed', { name: a })}
                            </MenuItem>
                          ))}
                        </Menu>
                      </Popover>
                    </MenuTrigger>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {adding ? <AddNameDialog subscription={s} kind={adding} domains={domains.map((d) => d.name)} onClose={() => setAdding(null)} /> : null}
      {removing ? (
        <ConfirmDialog
          title={removing.kind === 'website' ? t('websites.removeTitle', { name: removing.name }) : t('websites.removeAliasTitle', { name: removing.alias })}
          isOpen
          onOpenChange={(open) => !open && setRemoving(null)}
          onConfirm={() => void confirmRemove()}
          confirmLabel={t('actions.remove')}
          isPending={removeWebsite.isPending || removeAlias.isPending}
          error={removeWebsite.error ?? removeAlias.error}
          destructive
        >
          {removing.kind === 'website' ? (
            <>
              <p>{t('websites.removeBody', { name: removing.name })}</p>
              {going.length > 0 || (removal?.aliases.length ?? 0) > 0 ? (
                <>
                  <p>{t('websites.removeWith')}</p>
                  <ul>
                    {going.map((n) => (
                      <li key={n}>{t('websites.withSubdomain', { name: n })}</li>
                    ))}
                    {removal?.aliases.map((a) => (
                      <li key={a}>{t('websites.withAlias', { name: a })}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : (
            <p>{t('websites.removeAliasBody', { name: removing.alias, website: removing.website })}</p>
          )}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** Add Domain / Add Subdomain / Add Alias: one labelled name field; errors at the field, typed text kept. */
function AddNameDialog({ subscription: s, kind, domains, onClose }: { subscription: SubscriptionItem; kind: AddKind; domains: string[]; onClose: () => void }) {
  const { t } = useTranslation('subscriptions');
  const lang = useLang();
  const [name, setName] = useState(kind === 'subdomain' ? `.${s.domain}` : '');
  const [website, setWebsite] = useState(domains[0] ?? s.domain);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const addWebsite = useAddWebsite();
  const addAlias = useAddAlias();
  const pending = addWebsite.isPending || addAlias.isPending;
  const mutationError = addWebsite.error ?? addAlias.error;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = validate(domainSchema, name);
    if (!checked.ok) {
      setFieldError(issueText(checked.issues[0]!, lang));
      return;
    }
    setFieldError(undefined);
    try {
      if (kind === 'alias') await addAlias.mutateAsync({ id: s.id, website, name: checked.value });
      else await addWebsite.mutateAsync({ id: s.id, name: checked.value, kind });
      announce(t(`websites.added.${kind}`, { name: checked.value }));
      onClose();
    } catch (error) {
      const issue = error instanceof ApiError ? error.problem.issues?.find((i) => i.path === 'name') : undefined;
      if (issue) setFieldError(issueText(issue, lang));
    }
  }

  const label = t(`websites.nameLabel.${kind}`);
  const generalError = mutationError && !fieldError ? errorText(mutationError) : undefined;
  return (
    <AppDialog title={t(`websites.dialogTitle.${kind}`, { domain: s.domain })} isOpen onOpenChange={(open) => !open && onClose()}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        {kind === 'alias' ? (
          <SelectField label={t('websites.aliasOf')} value={website} onChange={(e) => setWebsite(e.target.value)}>
            {domains.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          label={label}
          value={name}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          error={fieldError}
          hint={kind === 'subdomain' ? t('websites.subdomainHint', { domain: s.domain }) : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        {generalError ? (
          <p className="field-error" role="alert">
            {generalError}
          </p>
        ) : null}
        <div className="dialog__actions">
          <BusyButton type="submit" className="button button--primary" busy={pending}>
            {t('actions.ok', { ns: 'common' })}
          </BusyButton>
          <Button className="button" slot="close">
            {t('actions.cancel', { ns: 'common' })}
          </Button>
        </div>
      </form>
    </AppDialog>
  );
}
