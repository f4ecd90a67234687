package bot

// opinionPhrases ask for a view, advice or a judgement, not a fact: the
// article states facts, and a sentence that touches the question's topic
// is no answer to "is it a good idea" or "is theirs better than ours". They
// are phrases of the language, not of any subject; "do you think" is not
// one, since people wrap factual questions in it ("do you think they'd
// fine me?").
var opinionPhrases = phrases(
	"your opinion", "your view", "your views", "your take", "your thoughts", "you personally", "good idea",
	"bad idea", "better than", "worse than", "worth it", "would you recommend", "do you recommend",
	"do you agree", "din mening", "synes du", "god idé", "dårlig idé", "bedre enn", "verre enn",
)

// asksOpinion reports whether a question's words (as typed, lower-cased)
// hold a phrase that asks for an opinion or advice.
func asksOpinion(ws []string) bool { return opinionPhrases.any(ws) }
