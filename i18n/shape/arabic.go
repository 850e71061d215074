package shape

import "unicode"

// forms holds the presentation forms of each Arabic letter: isolated, final,
// initial, medial. A letter without initial and medial forms joins only to
// the letter before it (alef, dal, reh, waw…); hamza joins to neither.
var forms = map[rune][4]rune{
	0x0621: {0xFE80, 0, 0, 0},                // ء hamza
	0x0622: {0xFE81, 0xFE82, 0, 0},           // آ alef with madda above
	0x0623: {0xFE83, 0xFE84, 0, 0},           // أ alef with hamza above
	0x0624: {0xFE85, 0xFE86, 0, 0},           // ؤ waw with hamza above
	0x0625: {0xFE87, 0xFE88, 0, 0},           // إ alef with hamza below
	0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C}, // ئ yeh with hamza above
	0x0627: {0xFE8D, 0xFE8E, 0, 0},           // ا alef
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92}, // ب beh
	0x0629: {0xFE93, 0xFE94, 0, 0},           // ة teh marbuta
	0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98}, // ت teh
	0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C}, // ث theh
	0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0}, // ج jeem
	0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4}, // ح hah
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8}, // خ khah
	0x062F: {0xFEA9, 0xFEAA, 0, 0},           // د dal
	0x0630: {0xFEAB, 0xFEAC, 0, 0},           // ذ thal
	0x0631: {0xFEAD, 0xFEAE, 0, 0},           // ر reh
	0x0632: {0xFEAF, 0xFEB0, 0, 0},           // ز zain
	0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4}, // س seen
	0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8}, // ش sheen
	0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC}, // ص sad
	0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0}, // ض dad
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4}, // ط tah
	0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8}, // ظ zah
	0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC}, // ع ain
	0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0}, // غ ghain
	0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4}, // ف feh
	0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8}, // ق qaf
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC}, // ك kaf
	0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0}, // ل lam
	0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4}, // م meem
	0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8}, // ن noon
	0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC}, // ه heh
	0x0648: {0xFEED, 0xFEEE, 0, 0},           // و waw
	0x0649: {0xFEEF, 0xFEF0, 0xFBE8, 0xFBE9}, // ى alef maksura
	0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4}, // ي yeh
	0x0671: {0xFB50, 0xFB51, 0, 0},           // ٱ alef wasla
	0x067E: {0xFB56, 0xFB57, 0xFB58, 0xFB59}, // پ peh
	0x0686: {0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D}, // چ tcheh
	0x0698: {0xFB8A, 0xFB8B, 0, 0},           // ژ jeh
	0x06A9: {0xFB8E, 0xFB8F, 0xFB90, 0xFB91}, // ک keheh
	0x06AF: {0xFB92, 0xFB93, 0xFB94, 0xFB95}, // گ gaf
	0x06CC: {0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF}, // ی farsi yeh
}

// lamAlef holds the isolated and final forms of the ligatures of lam with
// the alef that follows it, keyed by that alef.
var lamAlef = map[rune][2]rune{
	0x0622: {0xFEF5, 0xFEF6}, // lam + alef with madda above
	0x0623: {0xFEF7, 0xFEF8}, // lam + alef with hamza above
	0x0625: {0xFEF9, 0xFEFA}, // lam + alef with hamza below
	0x0627: {0xFEFB, 0xFEFC}, // lam + alef
}

const (
	lam = 0x0644
	zwj = 0x200D // zero width joiner
)

// joining is a character's Unicode joining type, as far as shaping with
// presentation forms needs it.
type joining int

const (
	nonJoining  joining = iota // U: digits, Latin, spaces, hamza
	rightJoin                  // R: joins only to the letter before it
	dualJoin                   // D: joins on both sides
	joinCausing                // C: tatweel and ZWJ, which make neighbours join
	transparent                // T: marks (harakat), skipped when looking for neighbours
)

func joiningOf(r rune) joining {
	if f, ok := forms[r]; ok {
		switch {
		case f[2] != 0:
			return dualJoin
		case f[1] != 0:
			return rightJoin
		}
		return nonJoining
	}
	switch {
	case r == 0x0640 || r == zwj: // tatweel
		return joinCausing
	case r == 0x200C: // zero width non-joiner
		return nonJoining
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return transparent
	}
	return nonJoining
}

// shapeArabic replaces the Arabic letters of s, in logical order, with the
// presentation form their neighbours call for, and lam followed by alef
// with their ligature. Marks stay where they are.
func shapeArabic(s []rune) []rune {
	out := make([]rune, 0, len(s))
	for i := 0; i < len(s); i++ {
		r := s[i]
		f, ok := forms[r]
		if !ok {
			out = append(out, r)
			continue
		}
		prev := neighbour(s, i, -1)
		joinsPrev := prev >= 0 && canJoinNext(joiningOf(s[prev]))
		next := neighbour(s, i, +1)
		if r == lam && next >= 0 {
			if lig, ok := lamAlef[s[next]]; ok {
				out = append(out, pick(joinsPrev, lig[1], lig[0]))
				out = append(out, s[i+1:next]...) // marks between lam and alef
				i = next
				continue
			}
		}
		joinsNext := joiningOf(r) == dualJoin && next >= 0 && canJoinPrev(joiningOf(s[next]))
		out = append(out, form(f, joinsPrev, joinsNext))
	}
	return out
}

// neighbour returns the index of the nearest character before (step -1) or
// after (step +1) i that is not transparent, or -1.
func neighbour(s []rune, i, step int) int {
	for j := i + step; j >= 0 && j < len(s); j += step {
		if joiningOf(s[j]) != transparent {
			return j
		}
	}
	return -1
}

// canJoinNext reports whether a character of joining type j connects to the
// character that follows it in logical order.
func canJoinNext(j joining) bool { return j == dualJoin || j == joinCausing }

// canJoinPrev reports whether a character of joining type j connects to the
// character before it in logical order.
func canJoinPrev(j joining) bool {
	return j == dualJoin || j == rightJoin || j == joinCausing
}

func form(f [4]rune, joinsPrev, joinsNext bool) rune {
	switch {
	case joinsPrev && joinsNext:
		return f[3]
	case joinsPrev && f[1] != 0:
		return f[1]
	case joinsNext:
		return f[2]
	}
	return f[0]
}

func pick(cond bool, yes, no rune) rune {
	if cond {
		return yes
	}
	return no
}
