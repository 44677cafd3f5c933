"use client";
// The editor's settings, as a row of fields under the toolbar.
import { type EditorSettings, FONT_SIZES, KEY_BINDINGS, TAB_SIZES } from "@/components/editor/editor-settings";

const BINDING_LABELS: Record<EditorSettings["keyBindings"], string> = { standard: "Standard", vim: "Vim", emacs: "Emacs" };
const FIELD = "h-8 rounded-md border border-input bg-background px-2 text-sm";

export function EditorSettingsPanel({ settings, onChange }: { settings: EditorSettings; onChange: (change: Partial<EditorSettings>) => void }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of settings in the toolbar, not a form section (a fieldset's default box would fight the layout)
    <div role="group" aria-label="Editor settings" className="flex flex-wrap items-center gap-x-5 gap-y-2 rounded-md border bg-muted/40 p-3 text-sm">
      <Choice label="Font size" value={settings.fontSize} options={FONT_SIZES} onChange={(fontSize) => onChange({ fontSize })} />
      <Choice label="Tab width" value={settings.tabSize} options={TAB_SIZES} onChange={(tabSize) => onChange({ tabSize })} />
      <label className="flex items-center gap-2">
        Key bindings
        <select
          className={FIELD}
          value={settings.keyBindings}
          onChange={(event) => onChange({ keyBindings: event.target.value as EditorSettings["keyBindings"] })}
        >
          {KEY_BINDINGS.map((binding) => (
            <option key={binding} value={binding}>
              {BINDING_LABELS[binding]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={settings.wordWrap} onChange={(event) => onChange({ wordWrap: event.target.checked })} />
        Wrap long lines
      </label>
    </div>
  );
}

function Choice<T extends number>({ label, value, options, onChange }: { label: string; value: T; options: readonly T[]; onChange: (value: T) => void }) {
  return (
    <label className="flex items-center gap-2">
      {label}
      <select className={FIELD} value={value} onChange={(event) => onChange(Number(event.target.value) as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );
}
