package openscape4000

// ebcdic maps the bytes of EBCDIC code page 037, in which the DPS output
// is coded, to Unicode. Digits, capitals, blanks and the signs CDR
// records use are the same in the German code page 273. Control codes
// become '?', so that no line end appears inside a record; NUL stays NUL,
// which the record reader drops as padding.
var ebcdic = [256]rune{
	0, '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', // 00
	'?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', // 10
	'?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', // 20
	'?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', '?', // 30
	' ', 0xA0, 0xE2, 0xE4, 0xE0, 0xE1, 0xE3, 0xE5, 0xE7, 0xF1, 0xA2, '.', '<', '(', '+', '|', // 40
	'&', 0xE9, 0xEA, 0xEB, 0xE8, 0xED, 0xEE, 0xEF, 0xEC, 0xDF, '!', '$', '*', ')', ';', 0xAC, // 50
	'-', '/', 0xC2, 0xC4, 0xC0, 0xC1, 0xC3, 0xC5, 0xC7, 0xD1, 0xA6, ',', '%', '_', '>', '?', // 60
	0xF8, 0xC9, 0xCA, 0xCB, 0xC8, 0xCD, 0xCE, 0xCF, 0xCC, '`', ':', '#', '@', '\'', '=', '"', // 70
	0xD8, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 0xAB, 0xBB, 0xF0, 0xFD, 0xFE, 0xB1, // 80
	0xB0, 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 0xAA, 0xBA, 0xE6, 0xB8, 0xC6, 0xA4, // 90
	0xB5, '~', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 0xA1, 0xBF, 0xD0, 0xDD, 0xDE, 0xAE, // A0
	'^', 0xA3, 0xA5, 0xB7, 0xA9, 0xA7, 0xB6, 0xBC, 0xBD, 0xBE, '[', ']', 0xAF, 0xA8, 0xB4, 0xD7, // B0
	'{', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 0xAD, 0xF4, 0xF6, 0xF2, 0xF3, 0xF5, // C0
	'}', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 0xB9, 0xFB, 0xFC, 0xF9, 0xFA, 0xFF, // D0
	'\\', 0xF7, 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 0xB2, 0xD4, 0xD6, 0xD2, 0xD3, 0xD5, // E0
	'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 0xB3, 0xDB, 0xDC, 0xD9, 0xDA, '?', // F0
}

// fromEBCDIC decodes b as text.
func fromEBCDIC(b []byte) string {
	out := make([]rune, len(b))
	for i, c := range b {
		out[i] = ebcdic[c]
	}
	return string(out)
}

// toEBCDIC encodes s; characters outside the code page become '?'.
func toEBCDIC(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		out = append(out, ebcdicByte(r))
	}
	return out
}

func ebcdicByte(r rune) byte {
	for b, x := range ebcdic {
		if x == r && (r != '?' || b == 0x6F) {
			return byte(b)
		}
	}
	return 0x6F // '?'
}
