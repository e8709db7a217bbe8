import { Fragment, type ReactNode } from 'react';

/** One fact: its name, its value, and the value's class where it needs one (`path`, `fingerprint`). */
export interface Fact {
  label: string;
  value: ReactNode;
  className?: string;
}

/** Facts as name and value, one pair a line (a station, a file, an imported source). */
export function FactList({ facts }: { facts: readonly Fact[] }) {
  return (
    <dl className="fact-list">
      {facts.map((fact) => (
        <Fragment key={fact.label}>
          <dt>{fact.label}</dt>
          <dd className={fact.className}>{fact.value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
