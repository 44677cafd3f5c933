// What a page says when the user's progress could not be loaded, with a way to try again.
export function ProgressFailure({ what, message, onRetry }: { what: string; message: string; onRetry: () => void }) {
  return (
    <p role="alert" className="text-sm text-destructive">
      {what} could not be loaded: {message}.{" "}
      <button type="button" className="underline underline-offset-4" onClick={onRetry}>
        Try again
      </button>
    </p>
  );
}
