-- RFC 9208 STORAGE quota per account in octets: NULL takes merpati.quota.defaultBytes, 0 is unlimited.
ALTER TABLE account ADD COLUMN quota_bytes BIGINT;
