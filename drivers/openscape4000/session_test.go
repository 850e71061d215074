package openscape4000

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"calltally.app/drivers"
	dt "calltally.app/drivers/driverstest"
)

// tpkt wraps a TPDU as RFC 1006 sends it.
func tpkt(tpdu ...byte) []byte {
	n := 4 + len(tpdu)
	return append([]byte{3, 0, byte(n >> 8), byte(n)}, tpdu...)
}

// dataTPDU is a DT TPDU carrying text in EBCDIC; eot ends the unit.
func dataTPDU(text string, eot bool) []byte {
	flag := byte(0)
	if eot {
		flag = cotpEOT
	}
	return tpkt(append([]byte{2, cotpDT, flag}, toEBCDIC(text)...)...)
}

// peer is the PBX's side of a connection: what it sends, and what it got.
type peer struct {
	io.Reader
	got bytes.Buffer
}

func (p *peer) Write(b []byte) (int, error) { return p.got.Write(b) }

func newPeer(frames ...[]byte) *peer { return &peer{Reader: bytes.NewReader(bytes.Join(frames, nil))} }

// TestSessionDPS plays a DPS immediate output: a connection request, a
// block of two records split over two TPDUs, an end message, the
// disconnect. The session confirms, acknowledges each block and yields
// its records, one per line, for the parser.
func TestSessionDPS(t *testing.T) {
	rec1 := "AI0084 114711              101   010891234567            110000325111409301200005230000120"
	rec2 := "AI0084 114712              102   020301234567            110000125111409321000001050000130"
	block := "AH000201251114093102" + rec1 + rec2
	cr := tpkt(20, cotpCR, 0, 0, 0x12, 0x34, 0, 0xC0, 1, 0x0A, 0xC1, 2, 'D', 'P', 0xC2, 2, 'C', 'A', 0xC6, 1, 9)
	p := newPeer(cr, dataTPDU(block[:100], false), dataTPDU(block[100:], true), dataTPDU("AC01", true),
		tpkt(6, cotpDR, 0, 1, 0x12, 0x34, 0))
	out, err := io.ReadAll(Session(p, false))
	if err != nil {
		t.Fatal(err)
	}
	if want := "AH000201251114093102\n" + rec1 + "\n" + rec2 + "\nAC01\n"; string(out) != want {
		t.Errorf("records\n%q\nwant\n%q", out, want)
	}
	cc := tpkt(17, cotpCC, 0x12, 0x34, 0, 1, 0, 0xC0, 1, 0x0A, 0xC1, 2, 'D', 'P', 0xC2, 2, 'C', 'A')
	acks := append(dataTPDU("A1001", true), dataTPDU("A1011", true)...)
	if want := append(cc, acks...); !bytes.Equal(p.got.Bytes(), want) {
		t.Errorf("sent\n% x\nwant\n% x", p.got.Bytes(), want)
	}
	d, _ := drivers.Lookup("openscape-4000")
	got := dt.ParseReader(t, d, openParser(t, nil), "dps", bytes.NewReader(out))
	if len(got.Calls) != 2 || len(got.Failed) > 0 || got.Calls[1].Extension != "4712" {
		t.Errorf("parsed %d calls, failed %q", len(got.Calls), got.Failed)
	}
}

// TestSessionPlain passes a stream that is no RFC 1006 through untouched.
func TestSessionPlain(t *testing.T) {
	const text = "AI0084 114711\nAI0084 114712\n"
	p := newPeer([]byte(text))
	out, err := io.ReadAll(Session(p, false))
	if err != nil || string(out) != text || p.got.Len() > 0 {
		t.Errorf("got %q, %v, sent %q", out, err, p.got.Bytes())
	}
}

func TestSessionErrors(t *testing.T) {
	tests := []struct {
		name   string
		frames [][]byte
		want   string
	}{
		{"short TPKT", [][]byte{{3, 0, 0, 5, 2}}, "bad TPKT header"},
		{"cut short", [][]byte{tpkt(2, cotpDT, cotpEOT, 0xC1)[:6]}, "unexpected EOF"},
		{"header past the TPDU", [][]byte{tpkt(9, cotpDT, cotpEOT)}, "TPDU header length 9"},
		{"short request", [][]byte{tpkt(2, cotpCR, 0)}, "connection request header of 2 bytes"},
		{"short data header", [][]byte{tpkt(1, cotpDT, 0)}, "data TPDU header of 1 bytes"},
		{"error TPDU", [][]byte{tpkt(4, cotpER, 0, 1, 0)}, "TPDU error"},
		{"endless unit", [][]byte{bytes.Repeat(dataTPDU(strings.Repeat("1", 1000), false), 70)}, "more than 64 KiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := io.ReadAll(Session(newPeer(tt.frames...), false))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// TestSplitBlock cuts blocks by their equal-length data records.
func TestSplitBlock(t *testing.T) {
	tests := []struct{ block, want string }{
		{"AH00AI1AI2AI3", "AH00|AI1|AI2|AI3"},
		{"AH00AIxxAIxx", "AH00|AIxx|AIxx"},
		{"AA01AB12AB34", "AA01|AB12|AB34"},
		{"AH00AI1AI22", "AH00|AI1AI22"}, // lengths differ: one piece
		{"AH00", "AH00"},
		{"AC01", "AC01"},
		{"", ""},
	}
	for _, tt := range tests {
		pieces := splitBlock(string(toEBCDIC(tt.block)))
		for i := range pieces {
			pieces[i] = fromEBCDIC([]byte(pieces[i]))
		}
		if got := strings.Join(pieces, "|"); got != tt.want {
			t.Errorf("splitBlock(%q) = %q, want %q", tt.block, got, tt.want)
		}
	}
}

func TestEBCDIC(t *testing.T) {
	const text = "AI0084 4711 *#.,:-/ az"
	if got := fromEBCDIC(toEBCDIC(text)); got != text {
		t.Errorf("round trip %q", got)
	}
	if got := toEBCDIC("AI09 "); !bytes.Equal(got, []byte{0xC1, 0xC9, 0xF0, 0xF9, 0x40}) {
		t.Errorf("toEBCDIC = % x", got)
	}
	if got := fromEBCDIC([]byte{0x25, 0x15, 0x0D, 0x00}); got != "???\x00" {
		t.Errorf("control codes read as %q", got)
	}
}
