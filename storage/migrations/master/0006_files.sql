-- File sources (folder, sftp, sftp-receive): which files to read, and the
-- folder a file is moved to once its calls are committed ('' leaves files
-- where they are, remembered by their committed position).
ALTER TABLE pbx_systems ADD COLUMN glob TEXT NOT NULL DEFAULT '';
ALTER TABLE pbx_systems ADD COLUMN processed TEXT NOT NULL DEFAULT '';
