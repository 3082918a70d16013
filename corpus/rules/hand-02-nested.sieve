require ["fileinto", "variables"];

if header :matches "list-id" "*<*.*>" {
    set :lower "list" "${2}";
    if string :is "${list}" "" {
        stop;
    }
    fileinto "Lists/${list}";
}
if header :contains "subject" "${literal}" {
    discard;
}
