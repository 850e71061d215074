package ciscocucm

// A column is one field of a CDR as CUCM's header lines name and type it.
type column struct{ name, kind string }

// columns is the layout of CUCM 12.5(1)SU1 to 15 in file order, as the
// CDR Administration Guide lists it: 133 columns. Each release since 10.0
// appended columns at the end, so older layouts are its first 129 (10.0 to
// 12.0) or 131 (12.5(1)) columns. Encode and Header write it whole.
var columns = [...]column{
	{"cdrRecordType", "INTEGER"}, {"globalCallID_callManagerId", "INTEGER"}, {"globalCallID_callId", "INTEGER"},
	{"origLegCallIdentifier", "INTEGER"}, {"dateTimeOrigination", "INTEGER"}, {"origNodeId", "INTEGER"},
	{"origSpan", "INTEGER"}, {"origIpAddr", "INTEGER"}, {"callingPartyNumber", "VARCHAR(50)"},
	{"callingPartyUnicodeLoginUserID", "VARCHAR(128)"}, {"origCause_location", "INTEGER"},
	{"origCause_value", "INTEGER"}, {"origPrecedenceLevel", "INTEGER"},
	{"origMediaTransportAddress_IP", "INTEGER"}, {"origMediaTransportAddress_Port", "INTEGER"},
	{"origMediaCap_payloadCapability", "INTEGER"}, {"origMediaCap_maxFramesPerPacket", "INTEGER"},
	{"origMediaCap_g723BitRate", "INTEGER"}, {"origVideoCap_Codec", "INTEGER"},
	{"origVideoCap_Bandwidth", "INTEGER"}, {"origVideoCap_Resolution", "INTEGER"},
	{"origVideoTransportAddress_IP", "INTEGER"}, {"origVideoTransportAddress_Port", "INTEGER"},
	{"origRSVPAudioStat", "INTEGER"}, {"origRSVPVideoStat", "INTEGER"}, {"destLegIdentifier", "INTEGER"},
	{"destNodeId", "INTEGER"}, {"destSpan", "INTEGER"}, {"destIpAddr", "INTEGER"},
	{"originalCalledPartyNumber", "VARCHAR(50)"}, {"finalCalledPartyNumber", "VARCHAR(50)"},
	{"finalCalledPartyUnicodeLoginUserID", "VARCHAR(128)"}, {"destCause_location", "INTEGER"},
	{"destCause_value", "INTEGER"}, {"destPrecedenceLevel", "INTEGER"},
	{"destMediaTransportAddress_IP", "INTEGER"}, {"destMediaTransportAddress_Port", "INTEGER"},
	{"destMediaCap_payloadCapability", "INTEGER"}, {"destMediaCap_maxFramesPerPacket", "INTEGER"},
	{"destMediaCap_g723BitRate", "INTEGER"}, {"destVideoCap_Codec", "INTEGER"},
	{"destVideoCap_Bandwidth", "INTEGER"}, {"destVideoCap_Resolution", "INTEGER"},
	{"destVideoTransportAddress_IP", "INTEGER"}, {"destVideoTransportAddress_Port", "INTEGER"},
	{"destRSVPAudioStat", "INTEGER"}, {"destRSVPVideoStat", "INTEGER"}, {"dateTimeConnect", "INTEGER"},
	{"dateTimeDisconnect", "INTEGER"}, {"lastRedirectDn", "VARCHAR(50)"}, {"pkid", "UNIQUEIDENTIFIER"},
	{"originalCalledPartyNumberPartition", "VARCHAR(50)"}, {"callingPartyNumberPartition", "VARCHAR(50)"},
	{"finalCalledPartyNumberPartition", "VARCHAR(50)"}, {"lastRedirectDnPartition", "VARCHAR(50)"},
	{"duration", "INTEGER"}, {"origDeviceName", "VARCHAR(129)"}, {"destDeviceName", "VARCHAR(129)"},
	{"origCallTerminationOnBehalfOf", "INTEGER"}, {"destCallTerminationOnBehalfOf", "INTEGER"},
	{"origCalledPartyRedirectOnBehalfOf", "INTEGER"}, {"lastRedirectRedirectOnBehalfOf", "INTEGER"},
	{"origCalledPartyRedirectReason", "INTEGER"}, {"lastRedirectRedirectReason", "INTEGER"},
	{"destConversationId", "INTEGER"}, {"globalCallId_ClusterID", "VARCHAR(50)"}, {"joinOnBehalfOf", "INTEGER"},
	{"comment", "VARCHAR(2048)"}, {"authCodeDescription", "VARCHAR(50)"}, {"authorizationLevel", "INTEGER"},
	{"clientMatterCode", "VARCHAR(32)"}, {"origDTMFMethod", "INTEGER"}, {"destDTMFMethod", "INTEGER"},
	{"callSecuredStatus", "INTEGER"}, {"origConversationId", "INTEGER"}, {"origMediaCap_Bandwidth", "INTEGER"},
	{"destMediaCap_Bandwidth", "INTEGER"}, {"authorizationCodeValue", "VARCHAR(32)"},
	{"outpulsedCallingPartyNumber", "VARCHAR(50)"}, {"outpulsedCalledPartyNumber", "VARCHAR(50)"},
	{"origIpv4v6Addr", "VARCHAR(64)"}, {"destIpv4v6Addr", "VARCHAR(64)"},
	{"origVideoCap_Codec_Channel2", "INTEGER"}, {"origVideoCap_Bandwidth_Channel2", "INTEGER"},
	{"origVideoCap_Resolution_Channel2", "INTEGER"}, {"origVideoTransportAddress_IP_Channel2", "INTEGER"},
	{"origVideoTransportAddress_Port_Channel2", "INTEGER"}, {"origVideoChannel_Role_Channel2", "INTEGER"},
	{"destVideoCap_Codec_Channel2", "INTEGER"}, {"destVideoCap_Bandwidth_Channel2", "INTEGER"},
	{"destVideoCap_Resolution_Channel2", "INTEGER"}, {"destVideoTransportAddress_IP_Channel2", "INTEGER"},
	{"destVideoTransportAddress_Port_Channel2", "INTEGER"}, {"destVideoChannel_Role_Channel2", "INTEGER"},
	{"IncomingProtocolID", "INTEGER"}, {"IncomingProtocolCallRef", "VARCHAR(32)"},
	{"OutgoingProtocolID", "INTEGER"}, {"OutgoingProtocolCallRef", "VARCHAR(32)"},
	{"currentRoutingReason", "INTEGER"}, {"origRoutingReason", "INTEGER"},
	{"lastRedirectingRoutingReason", "INTEGER"}, {"huntPilotPartition", "VARCHAR(50)"},
	{"huntPilotDN", "VARCHAR(50)"}, {"calledPartyPatternUsage", "INTEGER"}, {"IncomingICID", "VARCHAR(50)"},
	{"IncomingOrigIOI", "VARCHAR(50)"}, {"IncomingTermIOI", "VARCHAR(50)"}, {"OutgoingICID", "VARCHAR(50)"},
	{"OutgoingOrigIOI", "VARCHAR(50)"}, {"OutgoingTermIOI", "VARCHAR(50)"},
	{"outpulsedOriginalCalledPartyNumber", "VARCHAR(50)"}, {"outpulsedLastRedirectingNumber", "VARCHAR(50)"},
	{"wasCallQueued", "INTEGER"}, {"totalWaitTimeInQueue", "INTEGER"},
	{"callingPartyNumber_uri", "VARCHAR(254)"}, {"originalCalledPartyNumber_uri", "VARCHAR(254)"},
	{"finalCalledPartyNumber_uri", "VARCHAR(254)"}, {"lastRedirectDn_uri", "VARCHAR(254)"},
	{"mobileCallingPartyNumber", "VARCHAR(50)"}, {"finalMobileCalledPartyNumber", "VARCHAR(50)"},
	{"origMobileDeviceName", "VARCHAR(129)"}, {"destMobileDeviceName", "VARCHAR(129)"},
	{"origMobileCallDuration", "INTEGER"}, {"destMobileCallDuration", "INTEGER"}, {"mobileCallType", "INTEGER"},
	{"originalCalledPartyPattern", "VARCHAR(50)"}, {"finalCalledPartyPattern", "VARCHAR(50)"},
	{"lastRedirectingPartyPattern", "VARCHAR(50)"}, {"huntPilotPattern", "VARCHAR(50)"},
	// 12.5(1) added the device types, 12.5(1)SU1 the session IDs. Their
	// types are as third-party schemas of CUCM 14 files give them.
	{"origDeviceType", "VARCHAR(100)"}, {"destDeviceType", "VARCHAR(100)"},
	{"origDeviceSessionID", "VARCHAR(128)"}, {"destDeviceSessionID", "VARCHAR(128)"},
}

// knownWidths are the column counts of the layouts columns holds, by release.
var knownWidths = []int{129, 131, 133}
