package slack

import (
	"strings"

	slackgo "github.com/slack-go/slack"
)

// Block Kit limits that fitBlocks holds every message to. Slack refuses a
// whole message (invalid_blocks) for one field over, so the reply to a
// long question would be lost, not shortened.
const (
	maxBlocks       = 50
	maxContextText  = 3000
	maxContextItems = 10
	maxFallbackText = 3000 // a notification's text; Slack advises under 4,000
)

// fitBlocks cuts every text of blocks to its Block Kit limit, and the
// blocks to 50 (the last then says that more was left out). It is the one
// place that holds the limits, whatever a reply holds: a 3,900-character
// question, a report of many rows, text that escaping lengthened.
func fitBlocks(blocks []slackgo.Block) []slackgo.Block {
	if len(blocks) > maxBlocks {
		blocks = append(blocks[:maxBlocks-1:maxBlocks-1], slackgo.NewContextBlock("", mrkdwn("…")))
	}
	for _, b := range blocks {
		switch b := b.(type) {
		case *slackgo.SectionBlock:
			fitText(b.Text, maxSectionText)
			if len(b.Fields) > maxFields {
				b.Fields = b.Fields[:maxFields]
			}
			for _, f := range b.Fields {
				fitText(f, maxFieldText)
			}
		case *slackgo.ContextBlock:
			if els := b.ContextElements.Elements; len(els) > maxContextItems {
				b.ContextElements.Elements = els[:maxContextItems]
			}
			for _, e := range b.ContextElements.Elements {
				if t, ok := e.(*slackgo.TextBlockObject); ok {
					fitText(t, maxContextText)
				}
			}
		case *slackgo.HeaderBlock:
			fitText(b.Text, maxHeaderText)
		}
	}
	return blocks
}

func fitText(t *slackgo.TextBlockObject, n int) {
	if t != nil {
		t.Text = truncate(t.Text, n)
	}
}

// cutEntity drops an HTML entity that a cut left unfinished at the end of
// escaped text ("&am"), which Slack would show as it is.
func cutEntity(s string) string {
	i := strings.LastIndexByte(s, '&')
	if i >= 0 && len(s)-i <= len("&amp") && !strings.Contains(s[i:], ";") {
		return s[:i]
	}
	return s
}
