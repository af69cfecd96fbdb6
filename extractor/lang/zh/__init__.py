"""Chinese: a tokenizer, numeral reading and rule-driven builders that make the same records as English."""
