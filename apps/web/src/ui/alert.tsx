import { AlertIcon } from './icons.tsx';

/** A form-level error; announced to screen readers when it appears. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <div className="form-alert" role="alert">
      <AlertIcon size={18} />
      <span>{message}</span>
    </div>
  );
}
