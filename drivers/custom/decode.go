package custom

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// The layout is decoded key by key rather than into one struct, so that
// every error names the JSON path of the key at fault
// ("fields.start.format"), which encoding/json's own errors do not.

// document is the layout's top level as written.
type document struct {
	Format          string
	Separator       *string
	Quote           *string
	Header          bool
	Skip            []string
	After           string
	Timezone        string
	InternalDigits  *int
	InternalPattern string
	Fields          map[string]json.RawMessage
}

// spec is one entry of "fields" as written.
type spec struct {
	Column int
	Width  int
	Name   string
	Format string
	Unit   string
	Codes  map[string]string
	Join   bool
}

// readDocument decodes the layout's text.
func readDocument(text string) (document, error) {
	raw := []byte(strings.TrimSpace(text))
	if err := syntaxError(raw); err != nil {
		return document{}, err
	}
	var d document
	err := decodeObject("", raw, map[string]any{
		"format": &d.Format, "separator": &d.Separator, "quote": &d.Quote, "header": &d.Header,
		"skip": &d.Skip, "after": &d.After, "timezone": &d.Timezone, "internal_digits": &d.InternalDigits,
		"internal_pattern": &d.InternalPattern, "fields": &d.Fields,
	})
	return d, err
}

// readSpec decodes the entry of field name, which takes the keys common
// to all fields and those of its kind.
func readSpec(name string, raw json.RawMessage) (spec, error) {
	var s spec
	keys := map[string]any{"column": &s.Column, "width": &s.Width, "name": &s.Name}
	switch kindOf(name) {
	case kindClock, kindDate:
		keys["format"] = &s.Format
	case kindLength:
		keys["unit"] = &s.Unit
	case kindCode:
		keys["codes"] = &s.Codes
	}
	if name == "call_id" {
		keys["join"] = &s.Join
	}
	return s, decodeObject("fields."+name, raw, keys)
}

// syntaxError reports text that is no JSON at all, with the line and
// column people editing a file can find.
func syntaxError(raw []byte) error {
	var v any
	err := json.Unmarshal(raw, &v)
	var se *json.SyntaxError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &se):
		line := bytes.Count(raw[:se.Offset], []byte("\n")) + 1
		col := int(se.Offset) - bytes.LastIndexByte(raw[:se.Offset], '\n') - 1
		return fmt.Errorf("not valid JSON at line %d, column %d: %v", line, col, err)
	}
	return fmt.Errorf("not valid JSON: %v", err)
}

// decodeObject decodes the JSON object raw at path into targets, one per
// key it may hold: a key it does not know is an error, as a misspelt key
// silently ignored would leave a field unread.
func decodeObject(path string, raw []byte, targets map[string]any) error {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return pathError(path, "want an object {…}")
	}
	for _, key := range slices.Sorted(maps.Keys(obj)) {
		dst, ok := targets[key]
		if !ok {
			known := strings.Join(slices.Sorted(maps.Keys(targets)), ", ")
			return pathError(path, fmt.Sprintf("unknown key %q (known here: %s)", key, known))
		}
		if err := json.Unmarshal(obj[key], dst); err != nil {
			return pathError(join(path, key), want(dst))
		}
	}
	return nil
}

// want says what type of value a target takes.
func want(dst any) string {
	switch dst.(type) {
	case *string, **string:
		return "want a string"
	case *int, **int:
		return "want a whole number"
	case *bool:
		return "want true or false"
	case *[]string:
		return `want a list of strings ["…", "…"]`
	case *map[string]string:
		return `want an object of strings {"code": "meaning"}`
	}
	return "want an object {…}"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func pathError(path, reason string) error {
	if path == "" {
		return errors.New(reason)
	}
	return fmt.Errorf("%s: %s", path, reason)
}
