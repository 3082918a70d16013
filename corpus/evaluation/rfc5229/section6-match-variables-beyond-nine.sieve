# RFC 5229 §6: ${1} to ${9} MUST be supported; sievekit keeps up to ${32}.
# Thirteen wildcards on "I have a present for you".
require ["variables", "fileinto"];
if header :matches "Subject" "????????????*" {
    fileinto "9=[${9}] 10=[${10}] 11=[${11}] 12=[${12}] 13=[${13}] 14=[${14}]";
}
