import { useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { useToday } from '../session/today';

/** Shown exactly once after setup: the only way back in if every password is lost. */
export function RecoveryKeyScreen({ recoveryKey, onDone }: { recoveryKey: string; onDone: () => void }) {
  const today = useToday();
  const [saved, setSaved] = useState(false);
  return (
    <main className="auth-page">
      <div className="auth-card wide stack">
        <h1>Återställningsnyckel</h1>
        <p>
          Skriv ut nyckeln eller skriv av den och förvara den inlåst, åtskild från datorn. Den visas{' '}
          <strong>bara nu</strong>. Med den kan en användare som glömt sitt lösenord sätta ett nytt; utan den och utan
          något fungerande lösenord går uppgifterna inte att läsa.
        </p>
        <p className="recovery-key" data-testid="recovery-key" aria-label="Återställningsnyckel">
          {recoveryKey}
        </p>
        <p className="print-only">Kontaktregistret · återställningsnyckel · utskriven {today}</p>
        <div className="row no-print">
          <Button className="button" onPress={() => window.print()}>
            Skriv ut
          </Button>
        </div>
        <Checkbox className="checkbox no-print" isSelected={saved} onChange={setSaved}>
          <span className="box" aria-hidden="true" />
          Jag har sparat återställningsnyckeln på ett säkert ställe
        </Checkbox>
        <Button className="button primary no-print" isDisabled={!saved} onPress={onDone}>
          Fortsätt till inloggning
        </Button>
      </div>
    </main>
  );
}
