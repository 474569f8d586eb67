-- The ID number's mask is no longer stored: the shown mask is computed from the cipher text at presentation, so the
-- clear columns hold no digit of the ID number (docs/ARCHITECTURE.md, "Personal data").
ALTER TABLE "talents" DROP COLUMN "id_number_masked";
