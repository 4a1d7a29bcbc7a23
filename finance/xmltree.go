package finance

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// The rate files are small trees of simple elements. Reading them into a
// light tree with the tokenizer is several times faster than reflection
// (encoding/xml's Unmarshal) and lets the parsers check exactly what they
// need.

// maxXMLDepth bounds the nesting of the rate files; the real ones nest three
// levels deep.
const maxXMLDepth = 16

// maxXMLItems bounds the number of elements and attributes in a rate file
// together, so that a file within the size limit cannot make the tree, or
// the tokenizer, take many times its size in memory. The ECB's full history
// since 1999 has about 250,000 elements and 500,000 attributes.
const maxXMLItems = 1 << 21

// maxXMLElems bounds the number of elements alone.
const maxXMLElems = 1 << 20

// treeAttrs are the attributes the parsers read; the tree keeps no others.
var treeAttrs = map[string]bool{
	"Date": true, "ID": true, "Id": true, "DateRange1": true, "DateRange2": true, // CBR
	"time": true, "currency": true, "rate": true, // ECB
}

// An xmlElem is one element: its local name, attributes, the character data
// directly inside it and its child elements.
type xmlElem struct {
	name  string
	attrs []xml.Attr
	text  []byte
	kids  []*xmlElem
}

// attr returns the value of the attribute name, which has no namespace
// prefix ("Date", not "x:Date"); readXMLTree allows each local name once
// per element.
func (e *xmlElem) attr(name string) string {
	for _, a := range e.attrs {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// childText returns the text of the only child element named name; ok is
// false if there is none. Two such children are an error.
func (e *xmlElem) childText(name string) (text string, ok bool, err error) {
	var found *xmlElem
	for _, k := range e.kids {
		if k.name == name {
			if found != nil {
				return "", false, fmt.Errorf("<%s> has two <%s> elements", e.name, name)
			}
			found = k
		}
	}
	if found == nil {
		return "", false, nil
	}
	if len(found.kids) > 0 {
		// <Value>1<b>9</b>,5</Value> is not 1,5.
		return "", false, fmt.Errorf("<%s> holds an element <%s>", name, found.kids[0].name)
	}
	return string(found.text), true, nil
}

// newXMLDecoder returns a strict decoder that understands windows-1251,
// the encoding the Central Bank of Russia serves, besides UTF-8.
func newXMLDecoder(data []byte) *xml.Decoder {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "windows-1251", "cp1251", "x-cp1251":
			return charmap.Windows1251.NewDecoder().Reader(input), nil
		case "utf-8", "utf8":
			return input, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	return dec
}

// readXMLTree parses data, which must hold exactly one root element, into a
// tree. It checks that every element is closed by a matching tag, that
// nothing but white space, comments and processing instructions lies
// outside the root, that elements nest at most maxXMLDepth deep, that no
// element has two attributes of the same local name (Date and x:Date
// included), and that there are at most maxXMLElems elements and
// maxXMLItems elements and attributes.
// Since the tokenizer reads all the attributes of an element before
// returning it, the '=' signs of the whole file, one per attribute, are
// counted against that limit first. The tree keeps only the attributes in
// treeAttrs.
func readXMLTree(what string, data []byte) (*xmlElem, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("finance: parse %s: "+format+": %w", append([]any{what}, append(args, ErrFormat)...)...)
	}
	if n := bytes.Count(data, []byte{'='}); n > maxXMLItems {
		return nil, bad("%d '=' signs: more than %d attributes", n, maxXMLItems)
	}
	dec := newXMLDecoder(data)
	var root *xmlElem
	var stack []*xmlElem
	var names []xml.Name // raw names, to match end tags
	elems, items := 0, 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, bad("%v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 && root != nil {
				return nil, bad("content after the root element")
			}
			if len(stack) == maxXMLDepth {
				return nil, bad("elements nested deeper than %d", maxXMLDepth)
			}
			if elems++; elems > maxXMLElems {
				return nil, bad("more than %d elements", maxXMLElems)
			}
			if items += 1 + len(tok.Attr); items > maxXMLItems {
				return nil, bad("more than %d elements and attributes", maxXMLItems)
			}
			e := &xmlElem{name: tok.Name.Local}
			if name, dup := duplicateAttr(tok.Attr); dup {
				return nil, bad("<%s> has two %s attributes", tok.Name.Local, name)
			}
			for _, a := range tok.Attr {
				if treeAttrs[a.Name.Local] {
					e.attrs = append(e.attrs, a)
				}
			}
			if len(stack) == 0 {
				root = e
			} else {
				parent := stack[len(stack)-1]
				parent.kids = append(parent.kids, e)
			}
			stack = append(stack, e)
			names = append(names, tok.Name)
		case xml.EndElement:
			if len(stack) == 0 || names[len(names)-1] != tok.Name {
				return nil, bad("unexpected end tag </%s>", tok.Name.Local)
			}
			stack, names = stack[:len(stack)-1], names[:len(names)-1]
		case xml.CharData:
			if len(stack) == 0 {
				if len(bytes.TrimSpace(tok)) != 0 {
					return nil, bad("text outside the root element")
				}
				continue
			}
			top := stack[len(stack)-1]
			top.text = append(top.text, tok...)
		case xml.Directive:
			return nil, bad("unexpected directive <!%s>", tok)
		}
	}
	switch {
	case len(stack) > 0:
		return nil, bad("unexpected end of file inside <%s>", stack[len(stack)-1].name)
	case root == nil:
		return nil, bad("no root element")
	}
	return root, nil
}

// duplicateAttr returns a local name that two of attrs share, in time
// linear in their number.
func duplicateAttr(attrs []xml.Attr) (string, bool) {
	if len(attrs) <= 8 {
		for i, a := range attrs {
			for _, b := range attrs[:i] {
				if a.Name.Local == b.Name.Local {
					return a.Name.Local, true
				}
			}
		}
		return "", false
	}
	seen := make(map[string]bool, len(attrs))
	for _, a := range attrs {
		if seen[a.Name.Local] {
			return a.Name.Local, true
		}
		seen[a.Name.Local] = true
	}
	return "", false
}
