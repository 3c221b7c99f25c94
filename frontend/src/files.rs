//! Files in the browser: reading a chosen file as base64 (imports) and
//! saving base64 content as a download (exports). The API carries files as
//! base64 strings.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use leptos::prelude::{document, set_timeout};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlInputElement, Url};

/// The MIME type of .xlsx workbooks.
pub const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The file chosen in an `<input type="file">`, if any.
pub fn chosen_file(input: &HtmlInputElement) -> Option<web_sys::File> {
    input.files().and_then(|files| files.get(0))
}

/// Reads a file as base64.
pub async fn read_base64(file: &web_sys::File) -> Result<String, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| "无法读取所选文件".to_owned())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok(STANDARD.encode(bytes))
}

/// Saves base64 content as a download named `file_name`.
pub fn download_base64(content: &str, file_name: &str, mime: &str) -> Result<(), String> {
    let failed = |_| "浏览器无法保存文件，请重试".to_owned();
    let bytes = STANDARD.decode(content.trim()).map_err(|_| "服务器返回的文件内容无效".to_owned())?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let link: HtmlAnchorElement =
        document().create_element("a").map_err(failed)?.dyn_into().map_err(|_| "浏览器无法保存文件".to_owned())?;
    link.set_href(&url);
    link.set_download(file_name);
    let body = document().body().ok_or_else(|| "浏览器无法保存文件".to_owned())?;
    body.append_child(&link).map_err(failed)?;
    link.click();
    link.remove();
    // The download has started; free the data a little later.
    set_timeout(move || drop(Url::revoke_object_url(&url)), Duration::from_secs(30));
    Ok(())
}
