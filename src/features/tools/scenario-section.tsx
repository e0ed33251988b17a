import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SCENARIOS, useResetScenario, type ScenarioName } from '../../api/mock-tools';
import { announce } from '../../ui/announcer';
import { ConfirmDialog } from '../../ui/dialog';
import { SelectField } from '../../ui/form-field';

export function ScenarioSection() {
  const { t } = useTranslation('tools');
  const headingId = useId();
  const [scenario, setScenario] = useState<ScenarioName>('default');
  const [confirming, setConfirming] = useState(false);
  const reset = useResetScenario();
  const scenarioName = t(`scenarios.${scenario}.name`);

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('scenario.heading')}</h2>
      <SelectField
        label={t('scenario.label')}
        value={scenario}
        onChange={(e) => setScenario(e.target.value as ScenarioName)}
        hint={t(`scenarios.${scenario}.description`)}
      >
        {SCENARIOS.map((name) => (
          <option key={name} value={name}>
            {t(`scenarios.${name}.name`)}
          </option>
        ))}
      </SelectField>
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
          {t('scenario.reset')}
        </button>
      </div>
      <ConfirmDialog
        title={t('scenario.confirmTitle', { name: scenarioName })}
        isOpen={confirming}
        onOpenChange={(open) => {
          setConfirming(open);
          if (!open) reset.reset();
        }}
        confirmLabel={t('scenario.reset')}
        isPending={reset.isPending}
        error={reset.error}
        destructive
        onConfirm={() =>
          reset.mutate(scenario, {
            onSuccess: () => {
              setConfirming(false);
              announce(t('scenario.done', { name: scenarioName }));
            },
          })
        }
      >
        <p>{t('scenario.confirmBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
