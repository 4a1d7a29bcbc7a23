package workforce

import (
	"errors"
	"testing"
)

// Fuzz: the parser of the embedded destination data returns data or an
// error on any input, never panics.
func FuzzParseDestinations(f *testing.F) {
	b, err := dataFS.ReadFile("data/destinations.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add([]byte("code,bound,persons,period,definition,publisher,title,date,url,note\nAM,low,-1,,,,,,,\n"))
	f.Add([]byte("code,bound,persons,period,definition,publisher,title,date,url,note\nAM,mid,1,,,,,2022-13,,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := parseDestinations(data)
		if err == nil && d == nil {
			t.Fatal("nil data without an error")
		}
	})
}

func TestParseDestinationsErrors(t *testing.T) {
	const head = "code,bound,persons,period,definition,publisher,title,date,url,note\n"
	for _, tc := range []struct {
		in   string
		want error
	}{
		{head + "AM,low,-1,p,d,P,T,2022,u,n\n", ErrBadValue},
		{head + "AM,mid,1,p,d,P,T,2022,u,n\n", ErrUnknownCode},
		{head + "QQ,low,1,p,d,P,T,2022,u,n\n", ErrUnknownCode},
		// hand: low 5 above central 1.
		{head + "AM,low,5,p,d,P,T,2022,u,n\nAM,central,1,p,d,P,T,2022,u,n\nAM,high,6,p,d,P,T,2022,u,n\n", ErrInconsistent},
	} {
		if _, err := parseDestinations([]byte(tc.in)); !errors.Is(err, tc.want) {
			t.Errorf("%q: error %v, want %v", tc.in, err, tc.want)
		}
	}
	if _, err := parseDestinations([]byte(head + "AM,low,1,p,d,P,T,2022-13,u,n\n")); err == nil {
		t.Error("bad source date accepted")
	}
}
