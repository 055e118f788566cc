"""Reading and writing files: project JSON, plain text, Word, UN Akoma Ntoso XML."""
