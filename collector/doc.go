// Package collector will be the background service that keeps connections
// to the PBXs (TCP push and pull, SFTP, folders, an embedded SFTP server,
// syslog), reads their records through the drivers, and stores them through
// ingest, writing a heartbeat and reconnecting by itself. Its sub-packages:
// ingest (the one path of records into the database) and simulator (office
// traffic for the demo and for load tests).
package collector
