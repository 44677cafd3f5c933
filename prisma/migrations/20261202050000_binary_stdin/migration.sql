-- Custom input is bytes: a Run may feed its program any byte, NUL included, which a TEXT column refuses.
ALTER TABLE "Submission" ALTER COLUMN "stdin" SET DATA TYPE BYTEA USING convert_to("stdin", 'UTF8');
