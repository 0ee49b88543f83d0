-- V3 was changed after a first version of it had been released (6b22156): that version counted every inserted waiting
-- ticket in its insert trigger and kept ticket_site_day. A database migrated by it is brought to what V3 now says; on
-- any other database these statements change nothing. (Migrations accepts that first V3 by its checksum.)
DROP TRIGGER IF EXISTS ticket_counts_waiting_on_insert ON ticket;
CREATE TRIGGER ticket_counts_waiting_on_insert
    BEFORE INSERT ON ticket
    FOR EACH ROW
    WHEN (NEW.status = 'WAITING' AND NEW.ahead_on_arrival IS NULL)
    EXECUTE FUNCTION count_waiting();

DROP INDEX IF EXISTS ticket_site_day;
