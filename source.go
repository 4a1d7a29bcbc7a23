package exodus

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// A Source says where a figure comes from: who published it, under what
// title, where it can be read and when it was published. Every embedded
// figure in exodus carries one, and every derived figure keeps the sources it
// was computed from, so a report can cite them.
//
// The zero Source means "unknown source" and says so when printed.
// A Source is a plain value: copy it freely; it is safe for concurrent use.
//
// In JSON a Source is an object with the optional string fields
// "publisher", "title", "url", "date" and "note"; empty fields are omitted,
// so the zero Source is {}.
type Source struct {
	// Publisher is the organisation or person responsible for the figure,
	// such as "Central Bank of Russia" or "Rosstat".
	Publisher string `json:"publisher,omitempty"`
	// Title is the title of the document, table or page.
	Title string `json:"title,omitempty"`
	// URL is where the document can be read.
	URL string `json:"url,omitempty"`
	// Date is the publication date in ISO 8601 calendar form at the
	// precision the publisher gives: "2022-03-21", "2022-03" or "2022".
	// See [Source.Validate].
	Date string `json:"date,omitempty"`
	// Note is free text: a table or page number, a caveat, how a figure was
	// derived from the document.
	Note string `json:"note,omitempty"`
}

// IsZero reports whether s is the zero Source, meaning the source is unknown.
func (s Source) IsZero() bool {
	return s == Source{}
}

// String returns a one-line citation:
//
//	Publisher, "Title", Date, URL (Note)
//
// Empty parts are left out with their separators. The zero Source prints as
// "unknown source".
func (s Source) String() string {
	if s.IsZero() {
		return "unknown source"
	}
	var parts []string
	if s.Publisher != "" {
		parts = append(parts, s.Publisher)
	}
	if s.Title != "" {
		parts = append(parts, `"`+s.Title+`"`)
	}
	if s.Date != "" {
		parts = append(parts, s.Date)
	}
	if s.URL != "" {
		parts = append(parts, s.URL)
	}
	out := strings.Join(parts, ", ")
	if s.Note != "" {
		if out == "" {
			return "(" + s.Note + ")"
		}
		out += " (" + s.Note + ")"
	}
	return out
}

// Validate reports whether Date is empty or a valid ISO 8601 calendar date
// at year, month or day precision ("2022", "2022-03", "2022-03-21"). The
// error names the bad value and says what is wrong with it: its shape, or
// (for "2022-02-30") the day or month.
func (s Source) Validate() error {
	if s.Date == "" {
		return nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s.Date) != len(layout) || !sameShape(s.Date, layout) {
			continue
		}
		if _, err := time.Parse(layout, s.Date); err != nil {
			var pe *time.ParseError
			if errors.As(err, &pe) && pe.Message != "" {
				return fmt.Errorf("exodus: source date %q%s", s.Date, pe.Message) // Message starts ": "
			}
			return fmt.Errorf("exodus: source date %q is not a calendar date", s.Date)
		}
		return nil
	}
	return fmt.Errorf("exodus: source date %q is not YYYY, YYYY-MM or YYYY-MM-DD", s.Date)
}

// sameShape reports whether s has digits where layout has digits and the
// same separators elsewhere.
func sameShape(s, layout string) bool {
	for i := range len(s) {
		d := s[i] >= '0' && s[i] <= '9'
		if l := layout[i]; (l >= '0' && l <= '9') != d || (!d && s[i] != l) {
			return false
		}
	}
	return true
}
