-- Handles are unique whatever their case: "alice" and "Alice" could coexist, and a mention
-- of one could reach the other. Existing clashes keep the oldest account's handle; every later
-- one gets a numbered suffix, reported as a NOTICE (the migration runner prints them).
DO $$
DECLARE
  clash record;
  candidate text;
  n int;
BEGIN
  FOR clash IN
    SELECT id, handle FROM (
      SELECT id, handle, row_number() OVER (PARTITION BY lower(handle) ORDER BY "createdAt", id) AS rank
      FROM "User"
    ) ranked
    WHERE rank > 1
    ORDER BY lower(handle), rank
  LOOP
    n := 2;
    LOOP
      candidate := left(clash.handle, 27) || '_' || n;
      EXIT WHEN NOT EXISTS (SELECT 1 FROM "User" WHERE lower(handle) = lower(candidate));
      n := n + 1;
    END LOOP;
    UPDATE "User" SET handle = candidate, "updatedAt" = now() WHERE id = clash.id;
    RAISE NOTICE 'Handle clash: user % "%" is now "%"', clash.id, clash.handle, candidate;
  END LOOP;
END $$;

-- Not expressible in schema.prisma (an expression index); the schema drift test knows it.
CREATE UNIQUE INDEX "User_handle_lower_key" ON "User" (lower(handle));
