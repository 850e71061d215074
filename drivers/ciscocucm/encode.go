package ciscocucm

import (
	"encoding/binary"
	"fmt"
	"io"
	"net/netip"
	"strconv"
	"strings"
	"time"

	"calltally.app/drivers"
)

// Header writes the two lines that start every CDR file: the column names,
// quoted, and their types, bare; LF line ends, as CUCM writes them.
func Header(w io.Writer) error {
	var names, kinds strings.Builder
	for i, col := range columns {
		if i > 0 {
			names.WriteByte(',')
			kinds.WriteByte(',')
		}
		names.WriteString(`"` + col.name + `"`)
		kinds.WriteString(col.kind)
	}
	_, err := io.WriteString(w, names.String()+"\n"+kinds.String()+"\n")
	return err
}

// Encode writes c as CUCM would have: one CDR per leg, all with c's global
// call ID (twice c.CallID, leaving the odd IDs for consultation legs), in
// the 133-column layout Header names. A leg that rang out before voicemail
// took the call is one forwarded CDR, as CUCM writes it; a leg answered
// and followed by another is ended by a blind transfer, with the
// transfer's consultation leg under an ID of its own. c.Trunk is a line
// number (1 → CUBE-PSTN-01).
func Encode(w io.Writer, c *drivers.Call) error {
	cdrs, err := plan(c)
	if err != nil {
		return fmt.Errorf("encode call %s: %w", c.CallID, err)
	}
	var b strings.Builder
	for i := range cdrs {
		if err := writeCDR(&b, cdrs[i].values()); err != nil {
			return fmt.Errorf("encode call %s record %d: %w", c.CallID, i+1, err)
		}
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// An endpoint is one side of a CDR: a phone, a trunk or a voicemail port.
type endpoint struct {
	number, device, user string
	ip                   netip.Addr
}

// A cdr is one record being written.
type cdr struct {
	callID, legID  int64
	orig, dest     endpoint
	calling        string
	originalCalled string
	finalCalled    string
	outpulsed      string
	lastRedirect   string
	// OnBehalfOf codes and the redirect reason, as record describes them.
	redirectOnBehalfOf, redirectReason     int
	origTermination, destTermination, join int
	origCause, destCause                   int
	start                                  time.Time
	ring, talk                             int
	connected                              bool
	account                                string
}

// values renders the fields a cdr sets; writeCDR fills in the others.
func (r *cdr) values() map[string]string {
	start := r.start.Unix()
	v := map[string]string{
		"cdrRecordType": "1", "globalCallID_callManagerId": "1", "globalCallID_callId": itoa(r.callID),
		"origLegCallIdentifier": itoa(r.legID), "destLegIdentifier": itoa(r.legID + 1),
		"origNodeId": "1", "destNodeId": "1", "origPrecedenceLevel": "4", "destPrecedenceLevel": "4",
		"dateTimeOrigination": itoa(start), "dateTimeDisconnect": itoa(start + int64(r.ring+r.talk)),
		"callingPartyNumber": r.calling, "callingPartyUnicodeLoginUserID": r.orig.user,
		"originalCalledPartyNumber": r.originalCalled, "finalCalledPartyNumber": r.finalCalled,
		"finalCalledPartyUnicodeLoginUserID": r.dest.user, "outpulsedCalledPartyNumber": r.outpulsed,
		"origDeviceName": r.orig.device, "destDeviceName": r.dest.device,
		"origIpAddr": ipInt(r.orig.ip), "destIpAddr": ipInt(r.dest.ip),
		"origIpv4v6Addr": r.orig.ip.String(), "destIpv4v6Addr": r.dest.ip.String(),
		"origCause_value": strconv.Itoa(r.origCause), "destCause_value": strconv.Itoa(r.destCause),
		"origCallTerminationOnBehalfOf": strconv.Itoa(r.origTermination), "destCallTerminationOnBehalfOf": strconv.Itoa(r.destTermination),
		"joinOnBehalfOf": strconv.Itoa(r.join), "lastRedirectDn": r.lastRedirect,
		"lastRedirectRedirectOnBehalfOf": strconv.Itoa(r.redirectOnBehalfOf), "lastRedirectRedirectReason": strconv.Itoa(r.redirectReason),
		"duration": strconv.Itoa(r.talk), "clientMatterCode": r.account, "globalCallId_ClusterID": "StandAloneCluster",
		"pkid": fmt.Sprintf("5c1e0a2b-%04x-4000-8000-%012x", r.legID&0xffff, r.callID),
	}
	if r.connected {
		v["dateTimeConnect"] = itoa(start + int64(r.ring))
		v["origMediaCap_payloadCapability"], v["destMediaCap_payloadCapability"] = "4", "4" // G.711 µ-law
		v["origMediaCap_maxFramesPerPacket"], v["destMediaCap_maxFramesPerPacket"] = "20", "20"
	}
	return v
}

// writeCDR writes one record in the order of columns: strings quoted with
// inner quotes doubled, integers bare, 0 and "" where v has nothing.
func writeCDR(b *strings.Builder, v map[string]string) error {
	for i, col := range columns {
		if i > 0 {
			b.WriteByte(',')
		}
		s, ok := v[col.name]
		if strings.ContainsAny(s, "\r\n") {
			return &drivers.FieldError{Field: i + 1, Name: col.name, Value: s, Reason: "a record cannot hold a line break"}
		}
		if col.kind != "INTEGER" {
			b.WriteString(`"` + strings.ReplaceAll(s, `"`, `""`) + `"`)
			continue
		}
		if !ok {
			s = "0"
		}
		if _, err := strconv.ParseInt(s, 10, 64); err != nil {
			return &drivers.FieldError{Field: i + 1, Name: col.name, Value: s, Reason: "want an integer"}
		}
		b.WriteString(s)
	}
	b.WriteByte('\n')
	return nil
}

// ipInt writes an IPv4 address as CUCM's CDRs do: the four bytes read as a
// little-endian signed 32-bit integer (10.10.1.5 is 83954186).
func ipInt(a netip.Addr) string {
	b := a.As4()
	return strconv.Itoa(int(int32(binary.LittleEndian.Uint32(b[:]))))
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
