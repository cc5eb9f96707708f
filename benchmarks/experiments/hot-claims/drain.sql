BEGIN;
WITH c AS (UPDATE m SET owner = 'consumer-1', owner_node = 'node-1', lease_until = 123456789, delivery_count = delivery_count + 1
  FROM (SELECT set_config('synchronous_commit', 'off', true) AS a) x
  WHERE id IN (SELECT id FROM m WHERE endpoint_id = 1 AND state = 'R' AND owner IS NULL AND deliver_at <= 5 AND (expiration = 0 OR expiration > 5)
  ORDER BY priority DESC, id LIMIT 100 FOR UPDATE SKIP LOCKED) RETURNING id, payload)
SELECT min(id) AS lo, max(id) AS hi, sum(length(payload)) AS bytes FROM c \gset
COMMIT;
DELETE FROM m WHERE id BETWEEN :lo AND :hi AND owner = 'consumer-1';
