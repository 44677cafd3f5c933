// Whether a key press went to a place where it types text (a field, a select, Monaco's textarea,
// anything editable): page-wide shortcuts such as "/" and "?" leave those keys alone.
export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return element !== null && (["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName) || element.isContentEditable);
}
