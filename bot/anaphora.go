package bot

// anaphora are the English words that stand for something named before:
// in a question, what the question before it named ("and when did it
// pass?"); opening an article sentence, what the sentence before it
// named ("This is also …"). One list, so the two readings cannot drift.
var anaphora = set("it", "its", "it's", "they", "them", "their", "that", "this", "these", "those",
	"he", "she", "his", "her")
