# An ISO-8859-1 byte outside a string (meant as a bullet point).
· keep;
