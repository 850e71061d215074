package alcatel

// The real-time ticket protocol of the call server's port 2533, as a
// working open-source client speaks it (README.md, "The real-time ticket
// port"); no ALE specification of it is public.
const (
	// messageLen is a ticket message: a 4-byte label, then the ticket's
	// ASCII text padded with NULs.
	messageLen = 772
	labelLen   = 4
	roleMain   = 0x50 // the role byte of the main CPU; any other is a standby
	labelCDR   = 0x02 // third label byte of an accounting ticket
)

var (
	hello     = []byte{0x00, 0x01, 0x53}       // the client opens with it
	helloMain = []byte{0x00, 0x01, roleMain}   // the main CPU's answer
	start     = []byte{0x00, 0x02, 0x00, 0x00} // the client asks for tickets
	ready     = []byte{0x03, 0x04}             // "ticket ready", before a ticket message
	testReq   = []byte("\x00\x08TEST_REQ")     // the CPU's keep-alive
	testRsp   = []byte("\x00\x08TEST_RSP")     // the client's answer
)

// The marks a frame of the ticket stream starts with.
var (
	markReady     = [2]byte{0x03, 0x04}
	markMessage   = [2]byte{0x01, 0x00}
	markKeepAlive = [2]byte{0x00, 0x08}
)
