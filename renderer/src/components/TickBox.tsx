import type { ReactNode } from 'react';
import { Checkbox } from 'react-aria-components';

interface Props {
  /** The words beside the box. */
  children: ReactNode;
  /** Its value inside a CheckboxGroup (a role); alone, `isSelected` and `onChange` instead. */
  value?: string;
  isSelected?: boolean;
  onChange?(isSelected: boolean): void;
}

/** A large box with a visible tick and its words beside it (a role, a setting that is on or off). */
export function TickBox({ children, ...props }: Props) {
  return (
    <Checkbox className="role-check" {...props}>
      {({ isSelected }) => (
        <>
          <span className="role-check-box" aria-hidden="true">
            {isSelected ? '✓' : ''}
          </span>
          {children}
        </>
      )}
    </Checkbox>
  );
}
