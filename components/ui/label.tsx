import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export function Label({ className, ...props }: ComponentProps<"label">) {
  // biome-ignore lint/a11y/noLabelWithoutControl: a primitive; each caller gives htmlFor or wraps its control
  return <label className={cn("text-sm leading-none font-medium", className)} {...props} />;
}
